fn main() {
    std::process::exit(jdc_refund::run());
}
