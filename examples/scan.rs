fn main() {
    for arg in std::env::args().skip(1) {
        for m in libreport::quantity::scan(&arg) {
            println!(
                "{:?} {:?} {:?} [{}]",
                m.kind,
                m.quantity,
                m.span,
                &arg[m.span.clone()]
            );
        }
    }
}
