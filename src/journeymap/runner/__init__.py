"""What each command does between its options and its exit code.

The CLI parses arguments, calls one function here and turns its result, or its
`Refused` and `InvalidInputs` exceptions, into output on the standard streams and an
exit code. Everything else a command decides (which files, which outputs, in which
order, in how many workers, written where) is here, where a test reaches it without a
terminal or a subprocess. Modules import the heavy layers inside their functions: the
CLI imports their choice lists when it starts.
"""
