import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The cores this process may run on.
///
/// `ProcessInfo.activeProcessorCount` counts the machine's online cores, but a process held to
/// fewer (`taskset -c 0`, a container's cpuset) runs on only those: on Linux the affinity mask
/// says how many.
public enum UsableCores {
    public static var count: Int {
        min(affinityCount ?? .max, ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Cores in the scheduler affinity mask, or nil where it cannot be read.
    static var affinityCount: Int? {
        #if os(Linux)
        // Glibc's header declares sched_getaffinity only with _GNU_SOURCE, which Swift does not set.
        typealias GetAffinity = @convention(c) (pid_t, Int, UnsafeMutableRawPointer) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "sched_getaffinity") else { return nil }
        var mask = cpu_set_t()
        let status = withUnsafeMutableBytes(of: &mask) { unsafeBitCast(symbol, to: GetAffinity.self)(0, $0.count, $0.baseAddress!) }
        guard status == 0 else { return nil }
        let cores = withUnsafeBytes(of: &mask) { $0.reduce(0) { $0 + $1.nonzeroBitCount } }
        return cores > 0 ? cores : nil
        #else
        return nil
        #endif
    }
}
