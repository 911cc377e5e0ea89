//! Errors: one enum for the whole library, each variant naming the file or value at fault.

use std::path::PathBuf;

/// Everything that can go wrong in the library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Reading or writing a file failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file involved.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A data file is malformed; the message names the line and what to do.
    #[error("{}: {message}", path.display())]
    Data {
        /// The data file.
        path: PathBuf,
        /// What is wrong, with line number and remedy.
        message: String,
    },
    /// A model file cannot be used.
    #[error("model {}: {message}", path.display())]
    Model {
        /// The model file (or `<bundled>` for the built-in model).
        path: PathBuf,
        /// What is wrong and what to do.
        message: String,
    },
    /// A configuration value is out of range.
    #[error("invalid configuration: {0}")]
    Config(String),
    /// The training data cannot produce a three-class model.
    #[error("training data: {0}")]
    Training(String),
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// An I/O error on `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// A data error in `path`.
    pub fn data(path: impl Into<PathBuf>, message: impl Into<String>) -> Error {
        Error::Data {
            path: path.into(),
            message: message.into(),
        }
    }

    /// A model error in `path`.
    pub fn model(path: impl Into<PathBuf>, message: impl Into<String>) -> Error {
        Error::Model {
            path: path.into(),
            message: message.into(),
        }
    }
}
