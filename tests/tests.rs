//! One test binary for all integration tests (one link step on 2-core CI).

mod adversarial;
mod analyst;
mod bad_input;
mod cli;
mod conversions;
mod corpus;
#[cfg(unix)]
mod distributed;
mod docs;
mod encodings;
#[cfg(unix)]
mod files;
mod fixtures;
mod formats;
#[cfg(unix)]
mod hostile;
mod house;
mod metric_corpus;
mod mutated;
mod office;
mod output;
mod people;
mod schema;
mod util;
mod view;
