//! The message table behind `FormatMessage`: the English text Windows gives for every error code this
//! library returns (system codes from kernel32's table, 12xxx codes from winhttp.dll's). Texts end
//! with "\r\n" when formatted, as Windows' message compiler emits them.

/// (code, text without the trailing line end). Sorted by code.
pub const MESSAGES: &[(u32, &str)] = &[
    (0, "The operation completed successfully."),
    (1, "Incorrect function."),
    (2, "The system cannot find the file specified."),
    (3, "The system cannot find the path specified."),
    (4, "The system cannot open the file."),
    (5, "Access is denied."),
    (6, "The handle is invalid."),
    (8, "Not enough memory resources are available to process this command."),
    (12, "The access code is invalid."),
    (13, "The data is invalid."),
    (14, "Not enough memory resources are available to complete this operation."),
    (21, "The device is not ready."),
    (22, "The device does not recognize the command."),
    (24, "The program issued a command but the command length is incorrect."),
    (31, "A device attached to the system is not functioning."),
    (32, "The process cannot access the file because it is being used by another process."),
    (38, "Reached the end of the file."),
    (50, "The request is not supported."),
    (64, "The specified network name is no longer available."),
    (80, "The file exists."),
    (87, "The parameter is incorrect."),
    (109, "The pipe has been ended."),
    (111, "The file name is too long."),
    (112, "There is not enough space on the disk."),
    (120, "This function is not supported on this system."),
    (121, "The semaphore timeout period has expired."),
    (122, "The data area passed to a system call is too small."),
    (123, "The filename, directory name, or volume label syntax is incorrect."),
    (124, "The system call level is not correct."),
    (126, "The specified module could not be found."),
    (127, "The specified procedure could not be found."),
    (131, "An attempt was made to move the file pointer before the beginning of the file."),
    (160, "One or more arguments are not correct."),
    (170, "The requested resource is in use."),
    (183, "Cannot create a file when that file already exists."),
    (206, "The filename or extension is too long."),
    (232, "The pipe is being closed."),
    (234, "More data is available."),
    (258, "The wait operation timed out."),
    (259, "No more data is available."),
    (267, "The directory name is invalid."),
    (288, "Attempt to release mutex not owned by caller."),
    (317, "The system cannot find message text for message number 0x%1 in the message file for %2."),
    (534, "Arithmetic result exceeded 32 bits."),
    (735, "{Abandoned Wait} The wait operation was abandoned because the object was closed."),
    (995, "The I/O operation has been aborted because of either a thread exit or an application request."),
    (996, "Overlapped I/O event is not in a signaled state."),
    (997, "Overlapped I/O operation is in progress."),
    (998, "Invalid access to memory location."),
    (1004, "Invalid flags."),
    (1113, "No mapping for the Unicode character exists in the target multi-byte code page."),
    (1114, "A dynamic link library (DLL) initialization routine failed."),
    (1168, "Element not found."),
    (1223, "The operation was canceled by the user."),
    (1225, "The remote computer refused the network connection."),
    (1229, "An operation was attempted on a nonexistent network connection."),
    (1236, "The network connection was aborted by the local system."),
    (1306, "Indicates two revision levels are incompatible."),
    (1312, "A specified logon session does not exist. It may already have been terminated."),
    (1343, "The value provided was an invalid value for an identifier authority."),
    (1359, "An internal error occurred."),
    (1460, "This operation returned because the timeout period expired."),
    (1815, "The specified resource language ID cannot be found in the image file."),
    (4317, "The operation identifier is not valid."),
    (5023, "The group or resource is not in the correct state to perform the requested operation."),
    (12001, "No more handles could be generated at this time"),
    (12002, "The operation timed out"),
    (12004, "An internal error occurred in the Microsoft Windows HTTP Services"),
    (12005, "The URL is invalid"),
    (12006, "The URL does not use a recognized protocol"),
    (12007, "The server name or address could not be resolved"),
    (12009, "The option is invalid"),
    (12011, "The option value cannot be set"),
    (12012, "The Microsoft Windows HTTP Services support has been shut down"),
    (12015, "The login attempt failed"),
    (12017, "The operation has been canceled"),
    (12018, "The type of handle supplied is incorrect for this operation"),
    (12019, "The handle supplied is not in the correct state for this operation"),
    (12029, "A connection with the server could not be established"),
    (12030, "The connection with the server was terminated abnormally"),
    (12032, "The request must be resent"),
    (12037, "The date in the certificate is invalid or has expired"),
    (12038, "The host name in the certificate is invalid or does not match"),
    (12044, "A certificate is required to complete client authentication"),
    (12045, "A certificate chain was issued by an authority that is not trusted"),
    (12057, "The revocation function was unable to check revocation for the certificate"),
    (12100, "This function cannot be called before the handle has been opened"),
    (12101, "This function cannot be called before the request has been sent"),
    (12102, "This function cannot be called after the request has been sent"),
    (12103, "This function cannot be called after the handle has been opened"),
    (12150, "The requested header could not be located"),
    (12152, "The server returned an invalid or unrecognized response"),
    (12153, "The supplied header is invalid"),
    (12154, "The request for a HTTP header is invalid"),
    (12155, "The HTTP header already exists"),
    (12156, "The HTTP redirect request failed"),
    (12157, "An error occurred in the secure channel support"),
    (12166, "An error occurred while executing the auto-proxy script"),
    (12167, "The auto-proxy script could not be downloaded"),
    (12169, "The certificate is invalid"),
    (12170, "The certificate has been revoked"),
    (12172, "The Microsoft Windows HTTP Services support has not been initialized"),
    (12175, "A security error occurred"),
    (12176, "The auto-proxy script type is not supported"),
    (12177, "An error occurred while executing the auto-proxy script"),
    (12178, "The auto-proxy service returned an error"),
    (12179, "The certificate is not valid for the requested usage"),
    (12180, "Automatic proxy detection failed"),
    (12181, "The response contains too many headers"),
    (12182, "The response headers are too large"),
    (12183, "The chunked encoding header of the response is too large"),
    (12184, "The response could not be drained because it is too large"),
    (12185, "The client certificate has no private key"),
    (12186, "The client certificate private key cannot be accessed"),
    (12187, "The proxy requires a client certificate"),
    (12188, "A security error occurred with the proxy"),
    (12189, "Reserved"),
    (12190, "The server does not support the HTTP protocol version requested"),
];

/// The text of a code, without its line end.
pub fn message_text(code: u32) -> Option<&'static str> {
    MESSAGES.binary_search_by_key(&code, |(c, _)| *c).ok().map(|i| MESSAGES[i].1)
}

/// Whether a code belongs to winhttp.dll's table rather than the system's.
pub fn is_winhttp_code(code: u32) -> bool {
    (12000..13000).contains(&code)
}

/// Applies FormatMessage's escapes to a message text: `%n` is a line break, `%%` a percent sign,
/// `%0` ends the text without a line end, `%r` a bare CR, `%t` a tab, `%b` a space; with
/// `ignore_inserts` the `%1`... inserts are copied as they are. Without it, inserts need arguments,
/// which this library does not read (`va_list`): `None`.
pub fn expand(text: &str, ignore_inserts: bool, add_line_end: bool) -> Option<String> {
    let mut out = String::with_capacity(text.len() + 2);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match chars.peek().copied() {
            Some('n') => {
                chars.next();
                out.push_str("\r\n");
            }
            Some('%') => {
                chars.next();
                out.push('%');
            }
            Some('0') => return Some(out),
            Some('r') => {
                chars.next();
                out.push('\r');
            }
            Some('t') => {
                chars.next();
                out.push('\t');
            }
            Some('b') => {
                chars.next();
                out.push(' ');
            }
            Some(d) if d.is_ascii_digit() => {
                if !ignore_inserts {
                    return None;
                }
                out.push('%');
            }
            _ => out.push('%'),
        }
    }
    if add_line_end {
        out.push_str("\r\n");
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_covers_every_code_we_return() {
        assert!(MESSAGES.windows(2).all(|w| w[0].0 < w[1].0));
        for (name, code) in crate::win32::error::ALL_CODES {
            assert!(message_text(*code).is_some(), "no message for {name} ({code})");
        }
    }
}
