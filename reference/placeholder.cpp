namespace pc::es { int placeholder() { return 0; } }
