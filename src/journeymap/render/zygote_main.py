"""The Graphviz zygote: a minimal Python process that holds libgvc loaded and forks one
child per map, so that each map costs a layout and not a `dot` start-up.

Run as a script (`python -I -S zygote_main.py LIBGVC LIBCGRAPH PARENT_PID`), never imported by
journeymap: it must stay a fresh, nearly empty process. Graphviz 2.43 orders a graph's
clusters by the heap address of their names, so a child gives `dot`'s bytes only if the
heap it inherits is as unfragmented as a new `dot`'s. Hence: nothing imported but
ctypes and a few built-in modules, nothing laid out before forking, and no text of any
map ever held here: each child reads its own request from standard input and writes
its answer into memory files that this process copies to standard output with
`sendfile`, never through Python objects.

Protocol, on binary pipes, one request at a time:
- request (read by the child): `<length>\\n` then that many bytes of DOT, for SVG;
- answer (written here): `<wait status> <exit code> <len(svg)> <len(stderr)>\\n`, the
  SVG, then what Graphviz wrote to standard error.
A zero-length request, or the end of standard input, stops the zygote.
"""

import _signal  # type: ignore[import-not-found]  # `signal` would import enum too
import ctypes
import os
import sys

PR_SET_PDEATHSIG = 1
FAILED = 1
STOPPED = 3


def _load(gvc_path: str, cgraph_path: str) -> tuple[ctypes.CDLL, ctypes.CDLL]:
    gvc = ctypes.CDLL(gvc_path)
    cgraph = ctypes.CDLL(cgraph_path)
    gvc.gvContext.restype = ctypes.c_void_p
    gvc.gvLayout.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_char_p]
    gvc.gvRenderFilename.argtypes = [
        ctypes.c_void_p,
        ctypes.c_void_p,
        ctypes.c_char_p,
        ctypes.c_char_p,
    ]
    gvc.gvcVersion.restype = ctypes.c_char_p
    gvc.gvcVersion.argtypes = [ctypes.c_void_p]
    cgraph.agmemread.restype = ctypes.c_void_p
    cgraph.agmemread.argtypes = [ctypes.c_char_p]
    cgraph.agclose.argtypes = [ctypes.c_void_p]
    return gvc, cgraph


def _read_line(fd: int) -> bytes:
    line = b""
    while not line.endswith(b"\n"):
        got = os.read(fd, 1)
        if not got:
            return b""
        line += got
    return line


def _child(gvc: ctypes.CDLL, cgraph: ctypes.CDLL, context: int, out: int, err: int) -> int:
    ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, 9)  # the zygote killed: so is its child
    header = _read_line(0)
    size = int(header) if header.strip() else 0
    if size <= 0:
        return STOPPED
    source = ctypes.create_string_buffer(size + 1)
    view = memoryview(source).cast("B")
    done = 0
    while done < size:
        got = os.readv(0, [view[done:size]])
        if got == 0:
            return STOPPED
        done += got
    os.dup2(err, 2)
    graph = cgraph.agmemread(source)
    if not graph:
        return FAILED
    if gvc.gvLayout(context, graph, b"dot") != 0:
        return FAILED
    if gvc.gvRenderFilename(context, graph, b"svg", b"/proc/self/fd/%d" % out) != 0:
        return FAILED
    return FAILED if cgraph.agerrors() else 0


def main() -> None:
    ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, 9)  # journeymap's worker gone: so is this
    if os.getppid() != int(sys.argv[3]):
        return  # it went before the line above
    for signum in (_signal.SIGINT, _signal.SIGTERM, _signal.SIGHUP, _signal.SIGPIPE):
        _signal.signal(signum, _signal.SIG_DFL)  # stopped with the run, silently
    if not os.path.isdir("/proc/self/fd"):  # noqa: PTH112 - pathlib is one more import
        return  # each child writes its SVG through /proc/self/fd: without it, dot is run
    gvc, cgraph = _load(sys.argv[1], sys.argv[2])
    context = gvc.gvContext()
    # Nothing is laid out here before the children: a warm-up map (plug-ins and
    # fontconfig loaded once, ~4 ms a map) and fontconfig's FcInit alone both changed
    # the order of clusters in some maps; loading the plug-ins alone kept every byte
    # but saved no measurable time. Such a map also advanced the counter that names
    # anonymous graphs (`%3` in dot's SVG).
    out = os.memfd_create("svg")
    err = os.memfd_create("stderr")
    os.write(1, b"ready %s\n" % gvc.gvcVersion(context))
    while True:
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                code = _child(gvc, cgraph, context, out, err)
            finally:
                os._exit(code)
        status = os.waitpid(pid, 0)[1]
        code = os.waitstatus_to_exitcode(status)
        if code == STOPPED:
            return
        sizes = (os.fstat(out).st_size, os.fstat(err).st_size)
        os.write(1, b"%d %d %d %d\n" % (status, code, sizes[0], sizes[1]))
        for fd, size in zip((out, err), sizes, strict=True):
            sent = 0
            while sent < size:
                sent += os.sendfile(1, fd, sent, size - sent)
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)  # the children share this offset (standard error)


if __name__ == "__main__":
    main()
