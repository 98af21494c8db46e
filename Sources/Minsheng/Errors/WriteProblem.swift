/// Why an output could not be written.
public enum WriteProblem: Error, Sendable, Hashable {
    /// The folder the output goes into does not exist.
    case folderMissing(String)
    /// A folder for the outputs could not be made (`detail`: the system's words).
    case cannotMakeFolder(detail: String)
    /// A temporary folder could not be made.
    case cannotMakeTemporaryFolder(detail: String)
    /// A temporary file (for the JSON findings) could not be made.
    case cannotMakeTemporaryFile
    /// The writer failed (`detail`: its words).
    case failed(detail: String)
    /// The written file could not be read back.
    case cannotReadBack
    /// A zip archive could not be made (`detail`: libzip's words).
    case cannotZip(detail: String)
    /// An output that should be in memory was written to a file.
    case notInMemory
}
