  {
    id: 'planning/journey',
    category: 'Planning & Time',
    name: 'User Journey',
    source: `journey
    title User onboarding journey
    section Discovery
      Land on homepage: 5: User
      Read features   : 4: User
      Click sign up   : 3: User
    section Signup
      Fill form       : 2: User
      Email verify    : 1: User
      Complete profile: 3: User
    section First use
      View tutorial   : 4: User
      Create first doc: 5: User
`,
  },
