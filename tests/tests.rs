//! One test binary for all integration tests (one link step on 2-core CI).

mod bad_input;
mod cli;
mod corpus;
mod encodings;
mod fixtures;
mod util;
mod view;
