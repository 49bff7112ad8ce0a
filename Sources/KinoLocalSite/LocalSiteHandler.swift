import Foundation
import NIOCore
import NIOHTTP1

/// Reads requests of one connection and answers them as their routes say. Answers are written on the channel, so
/// delayed writes (slow, trickling, streamed and computed answers) need no handler context.
final class LocalSiteHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let state: LocalSiteState
    private let pending = LockedValue<(head: HTTPRequestHead, arrivedAt: ContinuousClock.Instant)?>(nil)
    /// The last request of this connection, whose path its close is counted for.
    private let last = LockedValue<LocalSite.RecordedRequest?>(nil)

    init(state: LocalSiteState) {
        self.state = state
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            pending.withValue { $0 = (head, ContinuousClock.now) }
        case .body:
            break
        case .end:
            guard let started = pending.withValue({ value in defer { value = nil }; return value }) else { return }
            let head = started.head
            let components = head.uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
            let request = LocalSite.RecordedRequest(
                path: components.first.map(String.init) ?? "/",
                query: components.count > 1 ? String(components[1]) : nil,
                method: head.method.rawValue,
                headers: head.headers.map { ($0.name, $0.value) },
                arrivedAt: started.arrivedAt
            )
            last.withValue { $0 = request }
            let exchange = Exchange(channel: context.channel, keepAlive: head.isKeepAlive, headOnly: head.method == .HEAD,
                                    state: state)
            exchange.answer(request, route: state.receive(request))
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        if let request = last.withValue({ $0 }) {
            state.addClose(after: ContinuousClock.now - request.arrivedAt, for: request.path)
        }
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}

/// One request's answer, written on its channel.
private struct Exchange: Sendable {
    let channel: any Channel
    let keepAlive: Bool
    let headOnly: Bool
    let state: LocalSiteState

    /// Size of the chunks of streamed bodies.
    static let streamChunk = 64 * 1024

    func answer(_ request: LocalSite.RecordedRequest, route: LocalSite.Route?) {
        guard let route else {
            send(.text("no route for \(request.path)\n", status: 404))
            return
        }
        switch route {
        case .response(let response):
            send(response)
        case .slow(let delay, let response):
            channel.eventLoop.scheduleTask(in: delay.timeAmount) { send(response) }
        case .neverAnswers:
            break
        case .trickle(let response, let chunkSize, let interval):
            trickle(response, chunkSize: max(1, chunkSize), interval: interval.timeAmount)
        case .redirect(let target, let status):
            send(LocalSite.Response(status: status, headers: [("Location", target)]))
        case .rateLimited(_, _, _, let response), .failing(_, _, let response):
            send(response)
        case .conditional(let response, let etag, let lastModified):
            sendConditional(request, response, etag: etag, lastModified: lastModified)
        case .huge(let bytes, let contentType):
            stream(bytes: bytes, contentType: contentType, path: request.path)
        case .handler(let handler):
            channel.eventLoop.makeFutureWithTask { await handler(request) }.whenSuccess { send($0) }
        }
    }

    private func head(_ response: LocalSite.Response, contentLength: Int?) -> HTTPResponseHead {
        var headers = HTTPHeaders(response.headers.map { ($0.name, $0.value) })
        if let contentLength, !headers.contains(name: "Content-Length") {
            headers.add(name: "Content-Length", value: String(contentLength))
        }
        if !keepAlive { headers.replaceOrAdd(name: "Connection", value: "close") }
        return HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: response.status), headers: headers)
    }

    private func send(_ response: LocalSite.Response) {
        channel.write(HTTPServerResponsePart.head(head(response, contentLength: response.body.count)), promise: nil)
        if !headOnly, !response.body.isEmpty {
            channel.write(HTTPServerResponsePart.body(.byteBuffer(ByteBuffer(bytes: response.body))), promise: nil)
        }
        finish()
    }

    private func finish() {
        let keepAlive = self.keepAlive
        let channel = self.channel
        channel.writeAndFlush(HTTPServerResponsePart.end(nil)).whenComplete { _ in
            if !keepAlive { channel.close(promise: nil) }
        }
    }

    private func sendConditional(_ request: LocalSite.RecordedRequest, _ response: LocalSite.Response, etag: String?, lastModified: Date?) {
        var full = response
        if let etag { full.headers.append(("ETag", etag)) }
        if let lastModified { full.headers.append(("Last-Modified", HTTPDate.format(lastModified))) }
        let notModified: Bool
        if let ifNoneMatch = request.header("If-None-Match") {
            let tags = ifNoneMatch.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            notModified = etag.map { etag in tags.contains { $0 == "*" || weakless($0) == weakless(etag) } } ?? false
        } else if let since = request.header("If-Modified-Since").flatMap(HTTPDate.parse), let lastModified {
            notModified = floor(lastModified.timeIntervalSince1970) <= since.timeIntervalSince1970
        } else {
            notModified = false
        }
        if notModified {
            var head = LocalSite.Response(status: 304, headers: full.headers.filter { $0.name.lowercased() != "content-type" })
            head.body = []
            channel.write(HTTPServerResponsePart.head(self.head(head, contentLength: nil)), promise: nil)
            finish()
        } else {
            send(full)
        }
    }

    private func weakless(_ tag: String) -> String {
        tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag
    }

    private func trickle(_ response: LocalSite.Response, chunkSize: Int, interval: TimeAmount) {
        channel.writeAndFlush(HTTPServerResponsePart.head(head(response, contentLength: response.body.count)), promise: nil)
        let body = response.body
        let exchange = self
        @Sendable func sendChunk(from offset: Int) {
            guard exchange.channel.isActive else { return }
            guard offset < body.count else {
                exchange.finish()
                return
            }
            let end = min(body.count, offset + chunkSize)
            exchange.channel.writeAndFlush(HTTPServerResponsePart.body(.byteBuffer(ByteBuffer(bytes: body[offset..<end]))), promise: nil)
            exchange.channel.eventLoop.scheduleTask(in: interval) { sendChunk(from: end) }
        }
        channel.eventLoop.scheduleTask(in: interval) { sendChunk(from: 0) }
    }

    /// Writes `bytes` generated bytes, one chunk after the previous one was written to the socket, so the site holds
    /// one chunk at a time however large the body is, counting what the socket took.
    private func stream(bytes: Int, contentType: String, path: String) {
        let response = LocalSite.Response(status: 200, headers: [("Content-Type", contentType)])
        channel.write(HTTPServerResponsePart.head(head(response, contentLength: nil)), promise: nil)
        let chunk = ByteBuffer(bytes: (0..<Self.streamChunk).map { UInt8(ascii: "a") + UInt8($0 % 26) })
        let exchange = self
        @Sendable func sendChunk(remaining: Int) {
            guard remaining > 0 else {
                exchange.finish()
                return
            }
            let size = min(remaining, Self.streamChunk)
            exchange.channel.writeAndFlush(HTTPServerResponsePart.body(.byteBuffer(chunk.getSlice(at: 0, length: size) ?? chunk)))
                .whenSuccess {
                    exchange.state.addStreamed(size, for: path)
                    sendChunk(remaining: remaining - size)
                }
        }
        sendChunk(remaining: bytes)
    }
}

extension Duration {
    var timeAmount: TimeAmount {
        let (seconds, attoseconds) = components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
