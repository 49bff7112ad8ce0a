#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few folder operations generations need, with POSIX calls (the engine does not use Foundation).
enum Folder {
    /// The names in a folder, without `.` and `..`, in no particular order; nil if the folder cannot be read.
    static func entries(_ path: String) -> [String]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." {
                names.append(name)
            }
        }
        return names
    }

    /// Creates `path` and any missing folders above it, like `mkdir -p`.
    static func create(_ path: String) throws(IndexError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                throw IndexFileWriter.ioError(path, "cannot create \(prefix)")
            }
            prefix += "/"
        }
    }

    /// Deletes the files in `path`, then the folder itself (a generation folder holds only files).
    static func remove(_ path: String) throws(IndexError) {
        for name in entries(path) ?? [] where unlink(path + "/" + name) != 0 && errno != ENOENT {
            throw IndexFileWriter.ioError(name, "cannot remove \(path)/\(name)")
        }
        guard rmdir(path) == 0 || errno == ENOENT else {
            throw IndexFileWriter.ioError(path, "cannot remove the folder")
        }
    }

    /// Whether the open folder `descriptor` is still the one at `path`: false once that folder was removed (or
    /// replaced by another of the same name).
    static func isSame(_ descriptor: Int32, as path: String) -> Bool {
        var opened = stat()
        var named = stat()
        return fstat(descriptor, &opened) == 0 && stat(path, &named) == 0
            && opened.st_dev == named.st_dev && opened.st_ino == named.st_ino
    }
}
