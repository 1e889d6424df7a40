  {
    vec3 n = normalVCVSOutput;
    vec3 toEye = normalize(-vertexVC.xyz);
    // A soft rim light: silhouettes of the figure (and of fingers, ears, toes) stay readable
    // against any background without darkening the lit side.
    float rim = 1.0 - clamp(dot(n, toEye), 0.0, 1.0);
    gl_FragData[0].rgb += rim * rim * rim * 0.22 * vec3(1.0, 0.97, 0.94);
  }
