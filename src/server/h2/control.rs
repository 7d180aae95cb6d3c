//! What the application says about one HTTP/2 stream besides its response bytes: the trailers
//! (`HttpDataChunkTrailers`), that its last send was made, and a reset
//! (`HttpSetRequestProperty(HttpRequestPropertyStreamError)`). The engine's connection of the stream
//! holds one ([`super::super::connection::Connection::h2`]) and records them; the stream's relay task
//! ([`super::stream`]) reads them when the relayed body ends, so they travel beside the pipe,
//! not in it. The engine records before it writes the bytes of the same send, so the relay never sees
//! the last byte of a body before it can know whether trailers follow.
use parking_lot::Mutex;
use std::sync::Arc;
use tokio::sync::Notify;

/// A response trailer: name and value as the application gave them.
pub type Trailer = (Vec<u8>, Vec<u8>);

#[derive(Default)]
struct State {
    /// The application made a send of the response.
    started: bool,
    trailers: Vec<Trailer>,
    /// The application's last send of the response (no `MORE_DATA`) was made.
    finished: bool,
    /// `HTTP_REQUEST_PROPERTY_STREAM_ERROR.ErrorCode` to reset the stream with.
    reset: Option<u32>,
}

/// One stream's side channel between the engine and the relay.
#[derive(Default)]
pub struct StreamControl {
    state: Mutex<State>,
    /// The last send was made, or a reset asked for ([`Self::wait_finished`]).
    changed: Notify,
    /// A reset was asked for ([`Self::wait_reset`], which every stream's relay waits on from its start:
    /// apart, so the last send of each response does not wake it for nothing).
    reset_asked: Notify,
}

impl StreamControl {
    pub fn new() -> Arc<Self> {
        Arc::default()
    }

    /// A send of the response (engine side, before its bytes are written): `trailers` are added to
    /// those sent when the body ends; `last`: no `MORE_DATA`.
    pub fn on_send(&self, trailers: Vec<Trailer>, last: bool) {
        let mut s = self.state.lock();
        s.started = true;
        s.trailers.extend(trailers);
        s.finished |= last;
        drop(s);
        if last {
            self.changed.notify_waiters();
        }
    }

    /// Ready for the next stream of a relay that serves another.
    pub fn clear(&self) {
        *self.state.lock() = State::default();
    }

    /// The application resets the stream with `code` (an HTTP/2 error code).
    pub fn reset(&self, code: u32) {
        self.state.lock().reset.get_or_insert(code);
        self.changed.notify_waiters();
        self.reset_asked.notify_waiters();
    }

    pub fn started(&self) -> bool {
        self.state.lock().started
    }

    pub fn has_trailers(&self) -> bool {
        !self.state.lock().trailers.is_empty()
    }

    pub fn finished(&self) -> bool {
        self.state.lock().finished
    }

    pub fn reset_code(&self) -> Option<u32> {
        self.state.lock().reset
    }

    /// The trailers recorded so far, as a header block (fields HTTP/2 cannot carry are dropped);
    /// `None` when there are none.
    pub fn take_trailers(&self) -> Option<http::HeaderMap> {
        let list = std::mem::take(&mut self.state.lock().trailers);
        if list.is_empty() {
            return None;
        }
        let mut map = http::HeaderMap::with_capacity(list.len());
        for (name, value) in list {
            if super::connection_specific(&name) {
                continue;
            }
            if let (Ok(n), Ok(v)) = (http::HeaderName::from_bytes(&name), http::HeaderValue::from_bytes(&value)) {
                map.append(n, v);
            }
        }
        (!map.is_empty()).then_some(map)
    }

    /// Waits until `done` holds of the state (checked again at each change, without a missed wake).
    async fn wait(&self, on: &Notify, done: impl Fn(&State) -> bool) {
        loop {
            let changed = on.notified();
            tokio::pin!(changed);
            changed.as_mut().enable();
            if done(&self.state.lock()) {
                return;
            }
            changed.await;
        }
    }

    /// Until the last send was made or a reset asked for.
    pub async fn wait_finished(&self) {
        self.wait(&self.changed, |s| s.finished || s.reset.is_some()).await
    }

    /// Until a reset is asked for: its code.
    pub async fn wait_reset(&self) -> u32 {
        self.wait(&self.reset_asked, |s| s.reset.is_some()).await;
        self.reset_code().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailers_accumulate_and_forbidden_fields_are_dropped() {
        let c = StreamControl::new();
        c.on_send(vec![(b"grpc-status".to_vec(), b"0".to_vec())], false);
        assert!(!c.finished());
        c.on_send(vec![(b"Connection".to_vec(), b"close".to_vec()), (b"X-Sum".to_vec(), b"1".to_vec())], true);
        assert!(c.finished());
        let map = c.take_trailers().unwrap();
        let names: Vec<&str> = map.keys().map(|k| k.as_str()).collect();
        assert_eq!(names, ["grpc-status", "x-sum"]);
        assert!(c.take_trailers().is_none());
    }

    #[test]
    fn waits_see_changes_made_before_and_after() {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        let c = StreamControl::new();
        c.on_send(Vec::new(), true);
        rt.block_on(c.wait_finished());
        let c2 = c.clone();
        let t = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(20));
            c2.reset(8);
        });
        assert_eq!(rt.block_on(c.wait_reset()), 8);
        t.join().unwrap();
    }
}
