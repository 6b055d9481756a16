fn main() {
    eprintln!("looplab: the engine cannot run programs yet");
    std::process::exit(64);
}
