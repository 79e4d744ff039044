// Complex results (general eigenvalues) use swift-numerics' Complex<Double>; callers of
// LinearAlgebra get the type with it.
@_exported import ComplexModule
@_exported import RealModule
