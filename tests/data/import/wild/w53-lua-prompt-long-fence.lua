M.build_user_journey_prompt = function(filetype, code_content)
  return string.format([[Analyze this %s code and create a Mermaid USER JOURNEY diagram.

REQUIRED FORMAT:
````````````````````````mermaid
journey
    title Customer Purchase Journey
    section Discovery
      Browse Products: 5: Customer
      View Details: 4: Customer
      Read Reviews: 3: Customer
    section Decision
      Add to Cart: 4: Customer
      Apply Coupon: 5: Customer
    section Checkout
      Enter Info: 3: Customer
      Select Payment: 4: Customer
      Complete Order: 5: Customer, System
    section Post-Purchase
      Receive Confirmation: 5: Customer
      Track Shipment: 4: Customer
````````````````````````

CRITICAL RULES:
