fn main() {
    envelope::ui::mount();
}
