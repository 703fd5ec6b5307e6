//! Availability (evaluation.md §2): exact by conditioning, Monte Carlo beyond 20.
