//! One module per subcommand: an `Args` struct and a `run` that returns the exit code.

pub mod orders;
pub mod sandbox;
