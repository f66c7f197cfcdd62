//! Inputs that once made vitrine panic or write broken output, found with the fuzz targets in
//! `fuzz/` (see fuzz/README.md). Each must now give diagnostics or a correct result.

use vitrine::diag::Failure;

/// The diagnostics' messages of a dataset text that must fail to validate.
fn dataset_errors(text: &str) -> Vec<String> {
    match vitrine::fuzzing::dataset("fuzz", text) {
        Ok(_) => panic!("the dataset validated"),
        Err(Failure::Content(diags)) => diags.iter().map(|d| d.to_string()).collect(),
        Err(Failure::Other(e)) => panic!("{e:#}"),
    }
}

/// A quarter key of seven bytes whose fifth byte falls inside a character was sliced at byte 4:
/// a panic. Seen while writing the `dataset` target (not found by it in 30 minutes) and
/// confirmed with its binary.
#[test]
fn quarter_key_with_multibyte_characters() {
    let text = "title: t\nsource: {name: s}\nkey: {id: q, kind: quarter}\n\
                series:\n  - {id: v, label: V, unit: {kind: count}}\nrows:\n  - {q: \"ab中Q1\", v: 1}\n";
    let errors = dataset_errors(text);
    assert!(errors.iter().any(|e| e.contains("`ab中Q1` is not a valid quarter key")), "{errors:?}");
}
