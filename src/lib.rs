//! `stance`: who in this article supports the plan, who opposes it, and who is hedging?
//!
//! The library is a pipeline; each stage is one module:
//!
//! 1. [`text`]: article text → sentences and quotes with byte spans.
//! 2. [`actors`]: sentences → actors, their mentions, and which statements they made.
//! 3. [`features`]: a sentence → tokens → stems → n-grams → TF-IDF sparse vector.
//! 4. [`classifier`]: sparse vectors → stance probabilities (multinomial logistic regression).
//! 5. [`analyze`]: per-actor aggregation of evidence into one stance with a confidence.
//!
//! Training and evaluation reuse the middle of the pipeline:
//!
//! ```text
//! training CSV ─► dataset ─► features ─► classifier ─► model (versioned JSON)
//! labelled CSV ─► dataset ─► model ─► evaluate ─► report
//! ```

pub mod actors;
pub mod analyze;
pub mod classifier;
pub mod dataset;
pub mod error;
pub mod features;
pub mod label;
pub mod sparse;
pub mod text;

pub use error::{Error, Result};
pub use label::Stance;
pub mod evaluate;
pub mod model;
pub mod output;
pub mod report;
pub mod train;
