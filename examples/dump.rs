fn main() {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).unwrap();
        let cleaned = libreport::clean::clean(&text);
        for l in &cleaned.lines {
            println!("{:>4}-{:<4} {}", l.no, l.last, l.text);
        }
    }
}
