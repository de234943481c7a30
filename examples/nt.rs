//! Debug helper.
fn main() {
    let n = jingwang::Normalizer::default();
    for s in std::env::args().skip(1) {
        let out = n.normalize(&s);
        println!("{:?} -> {:?}", s, out.text());
        for c in out.chars() {
            print!(
                "[{}:{}..{} {}] ",
                c.ch.escape_debug(),
                c.start,
                c.end,
                c.evasions
            );
        }
        println!();
    }
}
