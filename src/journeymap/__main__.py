from journeymap.cli.app import main

main()
