"""`journeymap lint`: the journey-mapping method as checks that run on every pull request."""
