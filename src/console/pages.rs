//! Reading a long listing page by page while the previous page is being printed: one thread
//! asks the console for the next pages while the caller prints, with at most `AHEAD` pages
//! waiting in between, so memory stays flat however long the listing is.

use std::sync::mpsc;

/// Pages fetched but not yet printed, at most.
pub const AHEAD: usize = 2;

/// Calls `next` on a reader thread until it yields `None` or an error, handing each page to
/// `each` on this thread in order. `each` returns `Ok(false)` to stop early (enough rows, or
/// the reader of stdout went away); the reader thread then stops after its current request.
pub fn read_ahead<P, E>(
    mut next: impl FnMut() -> Result<Option<P>, E> + Send,
    mut each: impl FnMut(P) -> Result<bool, E>,
) -> Result<(), E>
where
    P: Send,
    E: Send,
{
    std::thread::scope(|scope| {
        let (tx, rx) = mpsc::sync_channel::<Result<P, E>>(AHEAD);
        scope.spawn(move || loop {
            let item = match next() {
                Ok(Some(page)) => Ok(page),
                Ok(None) => return,
                Err(e) => Err(e),
            };
            let failed = item.is_err();
            // A closed channel means the printing side has stopped: stop fetching too.
            if tx.send(item).is_err() || failed {
                return;
            }
        });
        for item in rx.iter() {
            if !each(item?)? {
                break;
            }
        }
        // Dropping `rx` here ends the reader at its next send.
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn pages_arrive_in_order_and_all_of_them() {
        let mut n = 0;
        let mut seen = Vec::new();
        read_ahead::<_, ()>(
            || {
                n += 1;
                Ok((n <= 50).then_some(n))
            },
            |p| {
                seen.push(p);
                Ok(true)
            },
        )
        .unwrap();
        assert_eq!(seen, (1..=50).collect::<Vec<_>>());
    }

    #[test]
    fn stopping_early_stops_the_reader_soon() {
        let fetched = AtomicUsize::new(0);
        read_ahead::<_, ()>(
            || Ok(Some(fetched.fetch_add(1, Ordering::SeqCst))),
            |p| Ok(p < 3),
        )
        .unwrap();
        // Pages 0..=3 were printed; the reader may be a few pages ahead, never unbounded.
        let n = fetched.load(Ordering::SeqCst);
        assert!((4..=4 + AHEAD + 2).contains(&n), "fetched {n}");
    }

    #[test]
    fn an_error_reaches_the_printing_side_after_the_pages_before_it() {
        let mut n = 0;
        let mut seen = Vec::new();
        let result = read_ahead(
            || {
                n += 1;
                if n == 3 {
                    Err("page 3 failed")
                } else {
                    Ok(Some(n))
                }
            },
            |p| {
                seen.push(p);
                Ok(true)
            },
        );
        assert_eq!(result, Err("page 3 failed"));
        assert_eq!(seen, vec![1, 2]);
    }
}
