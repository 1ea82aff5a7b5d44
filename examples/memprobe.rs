use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
struct Track;
static CUR: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
unsafe impl GlobalAlloc for Track {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let c = CUR.fetch_add(l.size(), Relaxed) + l.size();
        PEAK.fetch_max(c, Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        CUR.fetch_sub(l.size(), Relaxed);
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, n: usize) -> *mut u8 {
        if n > l.size() {
            let c = CUR.fetch_add(n - l.size(), Relaxed) + n - l.size();
            PEAK.fetch_max(c, Relaxed);
        } else {
            CUR.fetch_sub(l.size() - n, Relaxed);
        }
        unsafe { System.realloc(p, l, n) }
    }
}
#[global_allocator]
static A: Track = Track;
fn mb(x: usize) -> String {
    format!("{:.0} MiB", x as f64 / 1048576.0)
}
static T0: std::sync::Mutex<Option<std::time::Instant>> = std::sync::Mutex::new(None);
fn report(s: &str) {
    let mut t = T0.lock().unwrap();
    let now = std::time::Instant::now();
    let dt = t.map(|x| now - x).unwrap_or_default();
    *t = Some(now);
    eprintln!("  {:.2}s", dt.as_secs_f64());
    eprintln!(
        "{s}: cur {} peak {}",
        mb(CUR.load(Relaxed)),
        mb(PEAK.load(Relaxed))
    );
    PEAK.store(CUR.load(Relaxed), Relaxed);
}
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    report("read");
    let doc = claimcheck::Document::new(text);
    report("document");
    eprintln!(
        "tokens {} sentences {} tables {}",
        doc.tokens.len(),
        doc.sentences.len(),
        doc.tables.len()
    );
    let claims = claimcheck::extract::extract(&doc);
    report("extract");
    eprintln!(
        "claims {} size_of Claim {}",
        claims.len(),
        std::mem::size_of::<claimcheck::Claim>()
    );
    let cx = claimcheck::relate::Context::new(&doc, &claims);
    report("context");
    let readings = claimcheck::resolve::propose(&cx, claimcheck::rules::BUILTIN);
    report("propose");
    let mut by: std::collections::BTreeMap<usize, usize> = Default::default();
    for (k, _) in &readings {
        *by.entry(*k).or_default() += 1;
    }
    eprintln!(
        "readings {} size_of Reading {} by rule {:?}",
        readings.len(),
        std::mem::size_of::<claimcheck::relate::Reading>(),
        by
    );
    drop(readings);
    drop(cx);
    report("drop");
    let findings = claimcheck::resolve::run(&doc, &claims, claimcheck::rules::BUILTIN, &Default::default());
    report("resolve");
    let text = doc.text.clone();
    report("-");
    let r = claimcheck::check(&text);
    report("check total");
    let d = claimcheck::report::Checked {
        path: "x",
        report: &r,
    };
    let s = claimcheck::report::json::render_document(&d, true);
    report("json");
    eprintln!("json {} bytes", s.len());
    eprintln!("findings {}", findings.len());
}
