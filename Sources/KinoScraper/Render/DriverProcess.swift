import Foundation

/// A helper program started with `posix_spawn`, with default signal handling and an empty signal mask.
///
/// Foundation's `Process` passes on the signal mask of the thread that starts it, and the threads of a Swift server
/// block most signals: a `chromedriver` started that way never sees SIGTERM, and cannot be asked to close its
/// browsers. Output goes to `/dev/null`.
final class DriverProcess: @unchecked Sendable {
    let pid: pid_t
    private let lock = NSLock()
    private var exited = false

    init(executable: String, arguments: [String]) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard status == 0 else {
            throw ScraperError(.rendering, "\(executable): cannot start it: \(String(cString: strerror(status)))")
        }
        self.pid = pid
    }

    /// Whether the program still runs; reaps it once it has exited.
    var isRunning: Bool {
        lock.withLock {
            guard !exited else { return false }
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid || result < 0 { exited = true }
            return !exited
        }
    }

    /// SIGTERM, then SIGKILL when the program has not exited within `grace`.
    func stop(grace: Duration = .seconds(3)) async {
        guard isRunning else { return }
        kill(pid, SIGTERM)
        let deadline = ContinuousClock.now + grace
        while isRunning, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        if isRunning {
            kill(pid, SIGKILL)
            while isRunning { try? await Task.sleep(for: .milliseconds(5)) }
        }
    }
}
