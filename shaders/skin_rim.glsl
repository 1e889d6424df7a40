//VTK::Light::Impl
  // lesion-atlas: a soft rim light on the skin. Silhouettes of the figure (and of fingers, ears,
  // toes) stay readable against any background without darkening the lit side.
  {
    vec3 viewDir = normalize(-vertexVC.xyz);
    float facing = clamp(dot(normalize(normalVCVSOutput), viewDir), 0.0, 1.0);
    float rim = pow(1.0 - facing, 3.0);
    fragOutput0.rgb += rim * 0.22 * vec3(1.0, 0.97, 0.94);
  }
