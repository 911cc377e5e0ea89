//! Sentences and quotes: article text split into spans.
