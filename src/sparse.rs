//! Sparse vectors and matrices: the currency between feature extraction and the classifier.

use ndarray::Array2;

/// A sparse row: strictly increasing column indices with their values.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SparseVector {
    /// Column indices, strictly increasing.
    pub indices: Vec<u32>,
    /// Values, one per index.
    pub values: Vec<f64>,
}

impl SparseVector {
    /// Number of stored (non-zero) entries.
    pub fn nnz(&self) -> usize {
        self.indices.len()
    }

    /// Iterates over `(column, value)` pairs.
    pub fn iter(&self) -> impl Iterator<Item = (usize, f64)> + '_ {
        self.indices
            .iter()
            .zip(&self.values)
            .map(|(&i, &v)| (i as usize, v))
    }

    /// The value at column `column`, zero when it is not stored.
    pub fn get(&self, column: usize) -> f64 {
        match self.indices.binary_search(&(column as u32)) {
            Ok(pos) => self.values[pos],
            Err(_) => 0.0,
        }
    }
}

/// A compressed-sparse-row matrix.
#[derive(Debug, Clone, PartialEq)]
pub struct SparseMatrix {
    indptr: Vec<usize>,
    indices: Vec<u32>,
    values: Vec<f64>,
    n_cols: usize,
}

impl SparseMatrix {
    /// An empty matrix with `n_cols` columns.
    pub fn new(n_cols: usize) -> SparseMatrix {
        SparseMatrix {
            indptr: vec![0],
            indices: Vec::new(),
            values: Vec::new(),
            n_cols,
        }
    }

    /// Appends a row.
    ///
    /// # Panics
    /// When the row refers to a column outside the matrix (a bug in the caller).
    pub fn push_row(&mut self, row: &SparseVector) {
        assert!(
            row.indices
                .last()
                .is_none_or(|&i| (i as usize) < self.n_cols),
            "sparse row has a column outside the matrix"
        );
        self.indices.extend_from_slice(&row.indices);
        self.values.extend_from_slice(&row.values);
        self.indptr.push(self.indices.len());
    }

    /// Number of rows.
    pub fn n_rows(&self) -> usize {
        self.indptr.len() - 1
    }

    /// Number of columns.
    pub fn n_cols(&self) -> usize {
        self.n_cols
    }

    /// Number of stored entries.
    pub fn nnz(&self) -> usize {
        self.indices.len()
    }

    /// The column indices and values of row `i`.
    pub fn row(&self, i: usize) -> (&[u32], &[f64]) {
        let (start, end) = (self.indptr[i], self.indptr[i + 1]);
        (&self.indices[start..end], &self.values[start..end])
    }

    /// Row `i` as an owned vector.
    pub fn row_vector(&self, i: usize) -> SparseVector {
        let (indices, values) = self.row(i);
        SparseVector {
            indices: indices.to_vec(),
            values: values.to_vec(),
        }
    }

    /// A new matrix made of the given rows, in the given order.
    pub fn select_rows(&self, rows: &[usize]) -> SparseMatrix {
        let mut out = SparseMatrix::new(self.n_cols);
        for &i in rows {
            let (indices, values) = self.row(i);
            out.indices.extend_from_slice(indices);
            out.values.extend_from_slice(values);
            out.indptr.push(out.indices.len());
        }
        out
    }

    /// The dense equivalent, for linfa's dense solver and for tests.
    pub fn to_dense(&self) -> Array2<f64> {
        let mut dense = Array2::zeros((self.n_rows(), self.n_cols));
        for i in 0..self.n_rows() {
            let (indices, values) = self.row(i);
            for (&j, &v) in indices.iter().zip(values) {
                dense[[i, j as usize]] = v;
            }
        }
        dense
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_round_trip_through_dense_and_selection() {
        let mut m = SparseMatrix::new(4);
        m.push_row(&SparseVector {
            indices: vec![0, 3],
            values: vec![1.0, 2.0],
        });
        m.push_row(&SparseVector::default());
        m.push_row(&SparseVector {
            indices: vec![2],
            values: vec![5.0],
        });
        assert_eq!((m.n_rows(), m.n_cols(), m.nnz()), (3, 4, 3));
        let d = m.to_dense();
        assert_eq!(d[[0, 3]], 2.0);
        assert_eq!(d[[2, 2]], 5.0);
        assert_eq!(d.sum(), 8.0);
        let s = m.select_rows(&[2, 0]);
        assert_eq!(s.row(0), (&[2u32][..], &[5.0][..]));
        assert_eq!(s.row_vector(1).get(3), 2.0);
        assert_eq!(s.row_vector(1).get(1), 0.0);
    }
}
