fn main() {
    looplab_app::start();
}
