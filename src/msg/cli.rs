//! Messages of the command line: progress, summaries, `serve`, `new`, usage errors.

use super::*;

catalogue! {
}
