import CXLSXWriter

/// The version of libxlsxwriter this module is linked against.
public let libxlsxwriterVersion: String = String(cString: lxw_version())
