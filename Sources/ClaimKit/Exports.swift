// Claim code imports only ClaimKit; the numeric core comes with it.
@_exported import LinearAlgebra
@_exported import Learning
@_exported import Models
