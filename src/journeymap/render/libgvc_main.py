"""The layout server: a small Python process that holds Graphviz's library (libgvc)
loaded and lays out map after map, so that a batch pays `dot`'s start-up (48 libraries
mapped, fontconfig's setup parsed: about a third of a map's CPU) once per server instead
of once per map.

Run as a script (`python -I -S libgvc_main.py EXPECTED_VERSION PARENT_PID`) by
`journeymap.render.libgvc`, never imported by journeymap: only ctypes and built-in
modules, so that it starts in about 30 ms.

Its maps are `dot -Tsvg`'s, byte for byte, because the DOT that journeymap writes has
no named subgraph (`dotwriter.Graph.subgraph`): Graphviz orders named subgraphs by the
heap address of their names, which a process that lays out several maps would change.

Graphviz 2.43 leaks about 140 kB a map (the same with a new context each time), so the
client replaces its server every `MAPS_PER_SERVER` maps.

Protocol, on binary pipes, one request at a time:
- ready line (written once): `ready <version>\\n`, or `mismatch <version>\\n` and exit
  when the library found is not the version of the `dot` on PATH;
- request: `<format> <length>\\n` then that many bytes of DOT;
- answer: `<status> <len(output)> <len(messages)>\\n`, the output, then what Graphviz
  wrote to standard error; status 0 is success.
End of standard input stops the server.
"""

import ctypes
import os
import sys

PR_SET_PDEATHSIG = 1
NAMES = ("libgvc.so.6", "libgvc.so")
CGRAPH = ("libcgraph.so.6", "libcgraph.so")


def _open(names: tuple[str, ...]) -> ctypes.CDLL:
    for name in names:
        try:
            return ctypes.CDLL(name)
        except OSError:
            continue
    raise OSError(f"none of {', '.join(names)} found")


def _read_exactly(fd: int, size: int) -> bytes:
    chunks = []
    while size:
        got = os.read(fd, min(size, 1 << 20))
        if not got:
            raise EOFError
        chunks.append(got)
        size -= len(got)
    return b"".join(chunks)


def _read_line(fd: int) -> bytes:
    line = b""
    while not line.endswith(b"\n"):
        got = os.read(fd, 1)
        if not got:
            raise EOFError
        line += got
    return line


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def main() -> None:
    libc = ctypes.CDLL(None)
    libc.prctl(PR_SET_PDEATHSIG, 9)  # the worker gone, so is this server
    if os.getppid() != int(sys.argv[2]):
        return  # the worker went before the line above
    gvc = _open(NAMES)
    cgraph = _open(CGRAPH)
    gvc.gvContext.restype = ctypes.c_void_p
    gvc.gvcVersion.restype = ctypes.c_char_p
    gvc.gvcVersion.argtypes = [ctypes.c_void_p]
    gvc.gvLayout.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_char_p]
    gvc.gvRenderData.argtypes = [
        ctypes.c_void_p,
        ctypes.c_void_p,
        ctypes.c_char_p,
        ctypes.POINTER(ctypes.c_void_p),
        ctypes.POINTER(ctypes.c_uint),
    ]
    gvc.gvFreeRenderData.argtypes = [ctypes.c_void_p]
    gvc.gvFreeLayout.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
    cgraph.agmemread.restype = ctypes.c_void_p
    cgraph.agmemread.argtypes = [ctypes.c_char_p]
    cgraph.agclose.argtypes = [ctypes.c_void_p]
    context = gvc.gvContext()
    version = gvc.gvcVersion(context) or b"?"
    if version.decode("ascii", "replace") != sys.argv[1]:
        _write_all(1, b"mismatch %s\n" % version)
        return
    messages = os.memfd_create("graphviz-messages")
    os.dup2(messages, 2)  # Graphviz's warnings and errors, sent back with each answer
    _write_all(1, b"ready %s\n" % version)
    data = ctypes.c_void_p()
    size = ctypes.c_uint()
    while True:
        try:
            fmt, length = _read_line(0).split()
            source = _read_exactly(0, int(length))
        except (EOFError, ValueError):
            return
        out = b""
        status = 1
        graph = cgraph.agmemread(source)
        if graph:
            if gvc.gvLayout(context, graph, b"dot") == 0:
                rendered = gvc.gvRenderData(
                    context, graph, fmt, ctypes.byref(data), ctypes.byref(size)
                )
                if rendered == 0:
                    out = ctypes.string_at(data, size.value)
                    status = 0
                gvc.gvFreeRenderData(data)
                gvc.gvFreeLayout(context, graph)
            cgraph.agclose(graph)
        said = os.pread(messages, os.fstat(messages).st_size, 0)
        os.ftruncate(messages, 0)
        os.lseek(messages, 0, os.SEEK_SET)
        _write_all(1, b"%d %d %d\n" % (status, len(out), len(said)) + out + said)


if __name__ == "__main__":
    main()
