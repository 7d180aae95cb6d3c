//! Request headers as `WinHttpAddRequestHeaders` and `WinHttpSendRequest` build them.
//!
//! Rules taken from the documentation and from Windows' observed behaviour (Wine's winhttp tests):
//! a header line needs a non-empty token name and a colon (`":"`, `":b"`, `"cd"`, `" e :f"` are
//! refused with `ERROR_INVALID_PARAMETER` and nothing is added); `"a:"` is a header with an empty
//! value; REPLACE removes the first header of that name and appends the new one (an empty value only
//! removes); REPLACE of a missing header fails with `ERROR_WINHTTP_HEADER_NOT_FOUND` unless ADD is
//! also given; ADD_IF_NEW fails with `ERROR_WINHTTP_HEADER_ALREADY_EXISTS`; COALESCE appends `", v"`
//! (or `"; v"`) to the first header of that name.
use crate::client::abi::{
    WINHTTP_ADDREQ_FLAG_ADD, WINHTTP_ADDREQ_FLAG_ADD_IF_NEW, WINHTTP_ADDREQ_FLAG_COALESCE_WITH_COMMA,
    WINHTTP_ADDREQ_FLAG_COALESCE_WITH_SEMICOLON, WINHTTP_ADDREQ_FLAG_REPLACE,
};
use crate::win32::error::*;

/// An ordered list of request header fields.
#[derive(Debug, Clone, Default)]
pub struct HeaderList {
    pub fields: Vec<(String, String)>,
}

fn is_tchar(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c)
}

/// Splits header text into validated `(name, value)` lines. Any bad line refuses the whole text.
pub fn parse_lines(text: &str) -> WinResult<Vec<(String, String)>> {
    let mut out = Vec::new();
    // Any run of CR and/or LF separates lines (lone CR, lone LF, LF CR), as Windows reads them.
    for line in text.split(['\r', '\n']) {
        if line.is_empty() {
            continue;
        }
        let (name, value) = line.split_once(':').ok_or(ERROR_INVALID_PARAMETER)?;
        if name.is_empty() || !name.chars().all(is_tchar) {
            return Err(ERROR_INVALID_PARAMETER);
        }
        if value.contains('\0') {
            return Err(ERROR_INVALID_PARAMETER);
        }
        out.push((name.to_string(), value.trim().to_string()));
    }
    Ok(out)
}

impl HeaderList {
    pub fn find(&self, name: &str) -> Option<usize> {
        self.fields.iter().position(|(n, _)| n.eq_ignore_ascii_case(name))
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.find(name).map(|i| self.fields[i].1.as_str())
    }

    pub fn remove_all(&mut self, name: &str) {
        self.fields.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
    }

    /// Applies one header with `WinHttpAddRequestHeaders` modifiers.
    pub fn apply(&mut self, name: &str, value: &str, modifiers: u32) -> WinResult<()> {
        let existing = self.find(name);
        if modifiers & WINHTTP_ADDREQ_FLAG_REPLACE != 0 {
            match existing {
                Some(i) => {
                    self.fields.remove(i);
                    if !value.is_empty() {
                        self.fields.push((name.to_string(), value.to_string()));
                    }
                    return Ok(());
                }
                None if modifiers & WINHTTP_ADDREQ_FLAG_ADD == 0 => return Err(ERROR_WINHTTP_HEADER_NOT_FOUND),
                None => {}
            }
        }
        if modifiers & WINHTTP_ADDREQ_FLAG_ADD_IF_NEW != 0 && existing.is_some() {
            return Err(ERROR_WINHTTP_HEADER_ALREADY_EXISTS);
        }
        let coalesce =
            modifiers & (WINHTTP_ADDREQ_FLAG_COALESCE_WITH_COMMA | WINHTTP_ADDREQ_FLAG_COALESCE_WITH_SEMICOLON);
        if coalesce != 0 {
            if let Some(i) = existing {
                let sep = if coalesce & WINHTTP_ADDREQ_FLAG_COALESCE_WITH_SEMICOLON != 0 { "; " } else { ", " };
                let v = &mut self.fields[i].1;
                v.push_str(sep);
                v.push_str(value);
                return Ok(());
            }
        }
        self.fields.push((name.to_string(), value.to_string()));
        Ok(())
    }

    /// Validates all of `text` first, then applies each line (so a bad line adds nothing).
    pub fn add_text(&mut self, text: &str, modifiers: u32) -> WinResult<()> {
        let lines = parse_lines(text)?;
        let mut copy = self.clone();
        for (n, v) in &lines {
            copy.apply(n, v, modifiers)?;
        }
        *self = copy;
        Ok(())
    }
}

/// `WinHttpAddRequestHeadersEx`: applies (name, value) pairs with `WinHttpAddRequestHeaders`
/// modifiers, all or none. A name must be a token; a name or value with CR, LF or NUL is refused
/// (`ERROR_INVALID_PARAMETER`): pairs are not header text, so a line break cannot smuggle a header in.
pub fn add_pairs(list: &mut HeaderList, pairs: &[(String, String)], modifiers: u32) -> WinResult<()> {
    if pairs.is_empty() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let mut copy = list.clone();
    for (n, v) in pairs {
        if n.is_empty() || !n.chars().all(is_tchar) || v.chars().any(|c| c == '\r' || c == '\n' || c == '\0') {
            return Err(ERROR_INVALID_PARAMETER);
        }
        copy.apply(n, v.trim(), modifiers)?;
    }
    *list = copy;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_table() {
        for (text, ok) in [
            (":", false),
            ("a:", true),
            (":b", false),
            ("cd", false),
            (" e :f", false),
            ("field: value ", true),
            ("\r\n", true),
            ("X: 1\r\nbad\r\n", false),
            ("A: 1\rB: 2\n\rC: 3\n\n\r\r", true),
        ] {
            assert_eq!(parse_lines(text).is_ok(), ok, "{text:?}");
        }
    }

    #[test]
    fn modifiers_follow_windows() {
        let mut h = HeaderList::default();
        h.add_text("Warning: test1", WINHTTP_ADDREQ_FLAG_ADD).unwrap();
        h.add_text("Warning: test2", WINHTTP_ADDREQ_FLAG_ADD).unwrap();
        h.add_text("Warning: test3", WINHTTP_ADDREQ_FLAG_REPLACE).unwrap();
        assert_eq!(h.fields.iter().map(|f| f.1.as_str()).collect::<Vec<_>>(), ["test2", "test3"]);
        assert_eq!(h.add_text("Warning: x", WINHTTP_ADDREQ_FLAG_ADD_IF_NEW), Err(ERROR_WINHTTP_HEADER_ALREADY_EXISTS));
        h.add_text("Warning: test4", WINHTTP_ADDREQ_FLAG_COALESCE_WITH_COMMA).unwrap();
        h.add_text("Warning: test5", WINHTTP_ADDREQ_FLAG_COALESCE_WITH_SEMICOLON).unwrap();
        assert_eq!(h.fields[0].1, "test2, test4; test5");
        assert_eq!(h.add_text("name: v", WINHTTP_ADDREQ_FLAG_REPLACE), Err(ERROR_WINHTTP_HEADER_NOT_FOUND));
        h.add_text("name: v", WINHTTP_ADDREQ_FLAG_ADD | WINHTTP_ADDREQ_FLAG_REPLACE).unwrap();
        h.add_text("name:", WINHTTP_ADDREQ_FLAG_REPLACE).unwrap();
        assert!(h.find("name").is_none());
    }
}
