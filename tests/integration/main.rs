//! Integration tests: build fixture sites with the real `vitrine` binary and look at what
//! comes out (files, exit codes, messages).

mod support;

mod a11y;
mod authoring;
mod bad_input;
mod browser;
mod build;
mod cache;
mod calendar;
mod citations;
mod collisions;
mod data;
mod embargo;
mod embeds;
mod example;
mod filing;
mod fuzz_regressions;
mod hostile;
mod init;
mod keyfig;
mod languages;
mod messages;
mod netlify;
mod nothing_lost;
mod print;
mod prose;
mod publishing;
mod quality;
mod raster;
mod search;
mod search_quality;
mod serve;
mod yaml_messages;
