"""Namespaces, mounts and privileges of one submission inside the bubblewrap sandbox.

The grading server runs inside ``bwrap`` (see :mod:`course.grader.isolation`). For
every submission it forks a process that calls :meth:`Confine.new_namespaces` (a user,
PID, mount and IPC namespace of its own, mapped to the same unprivileged uid), then
forks the process that runs the student's code, PID 1 of the new PID namespace. That
process mounts a private, size-limited tmpfs as the only writable place and hides
``/proc``, ``/dev/shm`` and the server's own folder (:meth:`Confine.private_mounts`),
then gives up every capability, sets ``no_new_privs`` and installs a seccomp filter
(:func:`seccomp_program`: no new namespaces, mounts, ptrace …) before any student code
runs (:meth:`Confine.drop_privileges`).

So a submission cannot see or signal the server, the grader or a classmate's process
(they are outside its PID namespace), cannot read their files (its tmpfs is its own,
``/proc`` is empty), and cannot undo the mounts (mounts inherited from a more privileged
namespace are locked by the kernel, and it holds no capability anyway).

Python 3.11 has no ``os.unshare`` or ``mount``, so the C library is called through
:mod:`ctypes`; the server binds these functions before anything is disarmed
(:func:`course.grader.warm.disarm_modules`). Linux only.
"""

from __future__ import annotations

import ctypes
import os

CLONE_NEWNS = 0x00020000
CLONE_NEWIPC = 0x08000000
CLONE_NEWUSER = 0x10000000
CLONE_NEWPID = 0x20000000
PR_SET_PDEATHSIG = 1
PR_SET_DUMPABLE = 4
PR_CAPBSET_DROP = 24
PR_SET_NO_NEW_PRIVS = 38
PR_SET_SECCOMP = 22
SECCOMP_MODE_FILTER = 2
# x86_64 system calls a submission never needs, which would let it make namespaces of its
# own (and with them capabilities, mounts and tmpfs memory that RLIMIT_AS does not count)
# or reach other processes: unshare, setns, mount, umount2, pivot_root, ptrace,
# process_vm_readv/writev, bpf, userfaultfd, perf_event_open, keyctl, add_key,
# request_key, io_uring_setup, clone3; clone only without namespace flags.
AUDIT_ARCH_X86_64 = 0xC000003E
DENIED_SYSCALLS_X86_64 = (272, 308, 165, 166, 155, 101, 310, 311, 321, 323, 298, 250, 248, 249, 425, 435)
SYSCALL_CLONE_X86_64 = 56
CLONE_NAMESPACE_FLAGS = 0x7E020000  # NEWNS | NEWCGROUP | NEWUTS | NEWIPC | NEWUSER | NEWPID | NEWNET
_SECCOMP_RET_ALLOW = 0x7FFF0000
_SECCOMP_RET_ERRNO_EPERM = 0x00050000 | 1
MS_RDONLY = 1
MS_NOSUID = 2
MS_NODEV = 4
MS_NOEXEC = 8
_CAPABILITY_VERSION_3 = 0x20080522
_LAST_CAPABILITY = 63


class _CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _CapData(ctypes.Structure):
    _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32), ("inheritable", ctypes.c_uint32)]


class _SockFilter(ctypes.Structure):
    _fields_ = [("code", ctypes.c_uint16), ("jt", ctypes.c_uint8), ("jf", ctypes.c_uint8), ("k", ctypes.c_uint32)]


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_uint16), ("filter", ctypes.POINTER(_SockFilter))]


def seccomp_program() -> list[tuple[int, int, int, int]]:
    """The classic-BPF filter (code, jt, jf, k) that refuses :data:`DENIED_SYSCALLS_X86_64` with EPERM.

    On another architecture it allows everything (the other layers still hold).
    """
    load_word, jump_equal, jump_set, jump_ge, ret = 0x20, 0x15, 0x45, 0x35, 0x06
    denied = DENIED_SYSCALLS_X86_64
    program = [(load_word, 0, 0, 4)]  # seccomp_data.arch
    # Instructions after the next one: [load nr, x32 check, denied..., clone check (3), allow, deny]
    body = 2 + len(denied) + 3
    program.append((jump_equal, 0, body, AUDIT_ARCH_X86_64))  # other architectures: to "allow"
    program.append((load_word, 0, 0, 0))  # seccomp_data.nr
    remaining = len(denied) + 3  # instructions between here and "allow"
    program.append((jump_ge, remaining + 1, 0, 0x40000000))  # the x32 ABI: deny
    for index, number in enumerate(denied):
        to_deny = len(denied) - index - 1 + 3 + 1
        program.append((jump_equal, to_deny, 0, number))
    program.append((jump_equal, 0, 2, SYSCALL_CLONE_X86_64))
    program.append((load_word, 0, 0, 16))  # low word of args[0]: the clone flags
    program.append((jump_set, 1, 0, CLONE_NAMESPACE_FLAGS))
    program.append((ret, 0, 0, _SECCOMP_RET_ALLOW))
    program.append((ret, 0, 0, _SECCOMP_RET_ERRNO_EPERM))
    return program


class Confine:
    """The C library calls a submission's processes need; create once, before forking."""

    def __init__(self) -> None:
        libc = ctypes.CDLL(None, use_errno=True)
        self._unshare = libc.unshare
        self._unshare.argtypes = [ctypes.c_int]
        self._mount = libc.mount
        self._mount.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_ulong, ctypes.c_char_p]
        self._prctl = libc.prctl
        self._prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
        # Built here, once: after the server disarms ctypes, only these bound objects remain.
        program = seccomp_program()
        self._filters = (_SockFilter * len(program))(*[_SockFilter(*instruction) for instruction in program])
        self._fprog = _SockFprog(len(program), ctypes.cast(self._filters, ctypes.POINTER(_SockFilter)))
        self._fprog_address = ctypes.addressof(self._fprog)
        self._capset = libc.capset
        self._capset.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
        self._get_errno = ctypes.get_errno
        self._byref = ctypes.byref
        self._header = _CapHeader
        self._data = _CapData * 2

    def _check(self, result: int, what: str) -> None:
        if result != 0:
            errno = self._get_errno()
            raise OSError(errno, f"{what}: {os.strerror(errno)}")

    def new_namespaces(self) -> None:
        """Enter new user, PID, mount and IPC namespaces, keeping the same uid and gid.

        The calling process stays in its PID namespace; its next child is PID 1 of the new one.
        """
        uid, gid = os.getuid(), os.getgid()
        self._check(self._unshare(CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNS | CLONE_NEWIPC), "unshare")
        for name, text in (("uid_map", f"{uid} {uid} 1\n"), ("setgroups", "deny"), ("gid_map", f"{gid} {gid} 1\n")):
            fd = os.open(f"/proc/self/{name}", os.O_WRONLY)
            try:
                os.write(fd, text.encode("ascii"))
            finally:
                os.close(fd)

    def mount_tmpfs(self, target: str, size_bytes: int, inodes: int, *, readonly: bool = False) -> None:
        """A fresh tmpfs at ``target``, at most ``size_bytes`` and ``inodes`` files, owned by this uid."""
        flags = MS_NOSUID | MS_NODEV | MS_NOEXEC | (MS_RDONLY if readonly else 0)
        options = f"size={size_bytes},nr_inodes={inodes},mode=0700,uid={os.getuid()},gid={os.getgid()}"
        self._check(self._mount(b"tmpfs", target.encode(), b"tmpfs", flags, options.encode()), f"mount {target}")

    def private_mounts(self, work_dir: str, disk_bytes: int, inodes: int, hide: tuple[str, ...] = ()) -> None:
        """The submission's own writable ``work_dir``; ``/proc``, ``/dev/shm`` and ``hide`` empty and read-only."""
        self.mount_tmpfs(work_dir, disk_bytes, inodes)
        for hidden in ("/dev/shm", *hide, "/proc"):
            if os.path.isdir(hidden):
                self.mount_tmpfs(hidden, 4096, 4, readonly=True)

    def die_with_parent(self) -> None:
        """SIGKILL this process when its parent ends."""
        self._check(self._prctl(PR_SET_PDEATHSIG, 9, 0, 0, 0), "prctl(PR_SET_PDEATHSIG)")

    def undumpable(self) -> None:
        """Nobody without privileges may read this process's memory or /proc entries."""
        self._check(self._prctl(PR_SET_DUMPABLE, 0, 0, 0, 0), "prctl(PR_SET_DUMPABLE)")

    def drop_privileges(self) -> None:
        """Give up every capability (bounding set too), set ``no_new_privs`` and the seccomp filter."""
        for capability in range(_LAST_CAPABILITY + 1):
            self._prctl(PR_CAPBSET_DROP, capability, 0, 0, 0)  # EINVAL past the kernel's last one
        header = self._header(_CAPABILITY_VERSION_3, 0)
        data = self._data()
        self._check(self._capset(self._byref(header), self._byref(data)), "capset")
        self._check(self._prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "prctl(PR_SET_NO_NEW_PRIVS)")
        self._check(self._prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, self._fprog_address, 0, 0),
                    "prctl(PR_SET_SECCOMP)")
