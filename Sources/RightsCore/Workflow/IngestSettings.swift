/// What ingest fills in for inputs that give none, and the largest input it accepts.
public struct IngestSettings: Sendable {
    public var published: PublishedDate?
    public var source: String?
    public var maxBytes: Int

    public init(published: PublishedDate? = nil, source: String? = nil, maxBytes: Int = 5_000_000) {
        self.published = published
        self.source = source
        self.maxBytes = maxBytes
    }
}
