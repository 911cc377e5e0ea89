//! Actors: who is mentioned, and which statements they made.
