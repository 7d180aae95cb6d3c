//! `GetSystemInfo`/`GetNativeSystemInfo` and `GetProcessAffinityMask`: what a Windows program asks about
//! the machine, answered from Linux (`sysconf`, `sched_getaffinity`, `cpuid`).
use crate::win32::abi::SYSTEM_INFO;
use crate::win32::abi::{
    PROCESSOR_AMD_X8664, PROCESSOR_ARCHITECTURE_AMD64, PROCESSOR_ARCHITECTURE_ARM64, PROCESSOR_ARCHITECTURE_UNKNOWN,
};

/// Windows' allocation granularity (64 KiB), kept because programs align to it; it is a multiple of
/// the Linux page size, so any alignment derived from it is valid here too.
const ALLOCATION_GRANULARITY: u32 = 0x10000;

fn online_cpus() -> u32 {
    // SAFETY: sysconf has no preconditions.
    let n = unsafe { libc::sysconf(libc::_SC_NPROCESSORS_ONLN) };
    n.max(1) as u32
}

/// A mask with the low `n` bits set (all 64 for 64 or more).
fn low_bits(n: u32) -> usize {
    if n >= usize::BITS {
        usize::MAX
    } else {
        (1usize << n) - 1
    }
}

/// `wProcessorLevel` and `wProcessorRevision` as Windows fills them on x64: the CPU family, and
/// (model << 8) | stepping, from `cpuid` leaf 1 with the extended family/model folded in.
#[cfg(target_arch = "x86_64")]
fn processor_level_revision() -> (u16, u16) {
    // cpuid leaf 1 exists on every x86-64 processor.
    let eax = std::arch::x86_64::__cpuid(1).eax;
    let stepping = eax & 0xF;
    let mut model = (eax >> 4) & 0xF;
    let mut family = (eax >> 8) & 0xF;
    if family == 0xF {
        family += (eax >> 20) & 0xFF;
    }
    if family == 0x6 || family >= 0xF {
        model += ((eax >> 16) & 0xF) << 4;
    }
    (family as u16, ((model << 8) | stepping) as u16)
}

#[cfg(not(target_arch = "x86_64"))]
fn processor_level_revision() -> (u16, u16) {
    (0, 0)
}

/// `GetSystemInfo`: the page size and CPUs of this machine. `dwNumberOfProcessors` counts the online
/// CPUs and `dwActiveProcessorMask` has one bit per online CPU (the first 64, as in a Windows processor
/// group); the address range is the Linux user address space.
pub fn system_info() -> SYSTEM_INFO {
    // SAFETY: sysconf has no preconditions.
    let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) }.max(4096) as u32;
    let cpus = online_cpus();
    let (arch, kind) = if cfg!(target_arch = "x86_64") {
        (PROCESSOR_ARCHITECTURE_AMD64, PROCESSOR_AMD_X8664)
    } else if cfg!(target_arch = "aarch64") {
        (PROCESSOR_ARCHITECTURE_ARM64, 0)
    } else {
        (PROCESSOR_ARCHITECTURE_UNKNOWN, 0)
    };
    let (level, revision) = processor_level_revision();
    SYSTEM_INFO {
        wProcessorArchitecture: arch,
        wReserved: 0,
        dwPageSize: page,
        lpMinimumApplicationAddress: ALLOCATION_GRANULARITY as usize,
        // The top of the 47-bit user address space, less its guard page (x86-64 and aarch64 with 4 KiB pages).
        lpMaximumApplicationAddress: (1usize << 47) - page as usize - 1,
        dwActiveProcessorMask: low_bits(cpus),
        dwNumberOfProcessors: cpus,
        dwProcessorType: kind,
        dwAllocationGranularity: ALLOCATION_GRANULARITY,
        wProcessorLevel: level,
        wProcessorRevision: revision,
    }
}

/// `GetProcessAffinityMask`: (the CPUs this process may run on, the CPUs of the system), one bit per
/// CPU number below 64.
pub fn process_affinity() -> (usize, usize) {
    let system = low_bits(online_cpus());
    // SAFETY: `set` is a valid, zeroed cpu_set_t and its size is passed.
    let process = unsafe {
        let mut set: libc::cpu_set_t = std::mem::zeroed();
        if libc::sched_getaffinity(0, std::mem::size_of::<libc::cpu_set_t>(), &mut set) != 0 {
            return (system, system);
        }
        (0..usize::BITS as usize).filter(|&i| libc::CPU_ISSET(i, &set)).fold(0usize, |m, i| m | (1 << i))
    };
    (process, system | process)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_process_runs_on_cpus_of_the_system() {
        let (process, system) = process_affinity();
        assert_ne!(process, 0);
        assert_eq!(process & !system, 0);
        let info = system_info();
        assert!(info.dwNumberOfProcessors >= 1);
        assert!(info.dwPageSize >= 4096 && info.dwPageSize.is_power_of_two());
        assert_eq!(info.dwAllocationGranularity % info.dwPageSize, 0);
    }
}
