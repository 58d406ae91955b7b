extension PersonMention {
    /// The folded name ("amina yusuf"), how names are compared across articles.
    public var key: String? { name.map { Tokenizer.words($0).joined(separator: " ") } }
}
