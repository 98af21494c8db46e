/// Which of the tool's data files a configuration problem is about, as the words name it.
public enum DataFileKind: Sendable, Hashable {
    /// Any data file (found by name, not yet read as one kind).
    case dataFile
    /// `headers.json`: the header, area and section words.
    case headerWords
    /// `quantities.json`: the words quantities are read with.
    case quantityWords
    /// `district.json`: the district template.
    case districtTemplate
    /// `workbook.json`: the progress workbook's settings.
    case workbookSettings
}

/// What is wrong with one of the tool's own data files (or the server's own folders).
public enum ConfigurationProblem: Error, Sendable, Hashable {
    /// No folder looked in has the file (`lookedIn`: the folders, in order).
    case notFound(lookedIn: [String])
    /// The file exists but cannot be opened.
    case cannotOpen(DataFileKind)
    /// The file is no valid JSON of its kind (`detail`: the decoder's words).
    case malformed(DataFileKind, detail: String)
    /// `headers.json` names a role that does not exist.
    case unknownHeaderRole(String)
    /// `headers.json` has a section pattern that is no regular expression.
    case invalidSectionPattern(String)
    /// `district.json` lacks the settings of a column.
    case missingTemplateColumn(String)
    /// `workbook.json` has the wrong number of columns or a body font below the minimum.
    case workbookSettingsOutOfShape
    /// The server's data folder for reporting rounds cannot be opened.
    case cannotOpenDataFolder(detail: String)
    /// The web page (`index.html`) is in none of the places looked.
    case webPageMissing
}
