import Foundation

extension NSNumber: NSNumberConvertible {}
