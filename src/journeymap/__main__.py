from journeymap.cli.entry import main

main()
