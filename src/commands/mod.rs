//! One module per subcommand: an `Args` struct and a `run` that returns the exit code.

pub mod batch;
pub mod completions;
pub mod login;
pub mod logout;
pub mod orders;
pub mod refund;
pub mod sandbox;
pub mod status;
pub mod support;
