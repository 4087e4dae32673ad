"""`journeymap site`: every journey, for every department, as a static site.

The site is built from the same models and views as the terminal commands (matrix,
priorities, shared moments) and the same lint findings, so a number or a finding reads the
same in a pull request and in the browser. It is plain HTML, CSS and a little JavaScript,
with everything inside the output folder: it opens from `file://`, with no server and no
network, and a CI job can publish it as it is.
"""
