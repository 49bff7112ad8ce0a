import Foundation

/// The politeness bookkeeping of one crawl: per host, when the next request may start, how many are in flight, and
/// its robots.txt. Owned by the crawl's scheduling loop, which reserves a start time when it hands a request out;
/// the request then waits for that time.
///
/// A request to a host starts at least the host's interval after the previous one started, and at least the interval
/// after the last one finished. The second rule is what makes the spacing hold at the server: a request that had to
/// open a connection arrives later after its start than one that reuses it, so spacing starts alone lets arrivals
/// come closer than the interval.
struct HostSchedule {
    struct Host {
        var interval: Duration
        var nextStart: ContinuousClock.Instant
        var lastStart: ContinuousClock.Instant?
        var lastFinish: ContinuousClock.Instant?
        var active = 0
        var robots: RobotsTxt?
        var robotsLoading = false
        /// When a disallow-all that came from a failed robots.txt fetch expires.
        var robotsExpiry: ContinuousClock.Instant?
    }

    let minimumInterval: Duration
    let perHostConcurrency: Int
    private(set) var hosts: [String: Host] = [:]

    init(minimumInterval: Duration, perHostConcurrency: Int) {
        self.minimumInterval = minimumInterval
        self.perHostConcurrency = perHostConcurrency
    }

    private func host(_ key: String, now: ContinuousClock.Instant = .now) -> Host {
        hosts[key] ?? Host(interval: minimumInterval, nextStart: now)
    }

    /// The robots.txt of a host, once fetched and while it holds.
    mutating func robots(of key: String, now: ContinuousClock.Instant = .now) -> RobotsTxt? {
        guard var entry = hosts[key], let robots = entry.robots else { return nil }
        if let expiry = entry.robotsExpiry, expiry <= now {
            entry.robots = nil
            entry.robotsExpiry = nil
            hosts[key] = entry
            return nil
        }
        return robots
    }

    func isLoadingRobots(_ key: String) -> Bool {
        hosts[key]?.robotsLoading ?? false
    }

    mutating func startLoadingRobots(_ key: String) {
        var entry = host(key)
        entry.robotsLoading = true
        hosts[key] = entry
    }

    /// Keeps a host's robots.txt; a crawl delay it asks for widens the interval, and a disallow-all from a failed
    /// fetch holds for `failureHold`.
    mutating func setRobots(_ robots: RobotsTxt, of key: String, productToken: String, failureHold: Duration) {
        var entry = host(key)
        entry.robots = robots
        entry.robotsLoading = false
        entry.robotsExpiry = robots.disallowsEverything ? .now + failureHold : nil
        if let delay = robots.crawlDelay(for: productToken) {
            entry.interval = max(minimumInterval, .milliseconds(Int((delay * 1000).rounded(.up))))
            for last in [entry.lastStart, entry.lastFinish].compactMap({ $0 }) {
                entry.nextStart = max(entry.nextStart, last + entry.interval)
            }
        }
        hosts[key] = entry
    }

    /// Whether another request to the host may be handed out now.
    func hasFreeSlot(_ key: String) -> Bool {
        let entry = host(key)
        return entry.active < perHostConcurrency && !entry.robotsLoading
    }

    /// Hosts that cannot take another request now: full, loading robots.txt, or blocked by a failed robots.txt.
    func busyHosts(now: ContinuousClock.Instant = .now) -> Set<String> {
        Set(hosts.filter { key, entry in
            !hasFreeSlot(key) || (entry.robots?.disallowsEverything == true && (entry.robotsExpiry.map { $0 > now } ?? false))
        }.keys)
    }

    /// Takes a slot of the host and returns when its request may start.
    mutating func reserve(_ key: String, now: ContinuousClock.Instant = .now) -> ContinuousClock.Instant {
        var entry = host(key, now: now)
        let start = max(now, entry.nextStart)
        entry.nextStart = start + entry.interval
        entry.lastStart = start
        entry.active += 1
        hosts[key] = entry
        return start
    }

    /// Holds the host's next request back until `delay` from now, as its server asked.
    mutating func hold(_ key: String, for delay: Duration, now: ContinuousClock.Instant = .now) {
        var entry = host(key, now: now)
        entry.nextStart = max(entry.nextStart, now + delay)
        hosts[key] = entry
    }

    /// Gives the slot back once the request finished.
    mutating func release(_ key: String, now: ContinuousClock.Instant = .now) {
        guard var entry = hosts[key] else { return }
        entry.active = max(0, entry.active - 1)
        entry.lastFinish = now
        entry.nextStart = max(entry.nextStart, now + entry.interval)
        hosts[key] = entry
    }
}
