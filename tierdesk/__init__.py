"""tierdesk: a customer service platform for a tiered service department."""
