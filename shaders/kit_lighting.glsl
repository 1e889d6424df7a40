//VTK::Light::Impl
  // lesion-atlas: lighting in place of VTK's own code for the light kit the view uses (SceneView:
  // a headlight, light 0, then key, fill and two back lights), for the skin and for marker
  // impostors. Every light adds its diffuse term, as in VTK; only the key and head lights add a
  // highlight. The three others added under 3% of white each, but VTK pays a pow() per light per
  // pixel, and on a software renderer those five pow() calls cost more than the rest of the shading.
  {
    vec3 n = normalVCVSOutput;
    vec3 toEye = normalize(-vertexVC.xyz);
    vec3 diffuse = max(0.0, dot(n, -lightDirectionVC0)) * lightColor0
                 + max(0.0, dot(n, -lightDirectionVC1)) * lightColor1
                 + max(0.0, dot(n, -lightDirectionVC2)) * lightColor2
                 + max(0.0, dot(n, -lightDirectionVC3)) * lightColor3
                 + max(0.0, dot(n, -lightDirectionVC4)) * lightColor4;
    // pow(x, p) as (1 - p (1 - x) / 8)^8, clamped at 0: from ln x ~ x - 1 near the highlight,
    // where it matters; zero, as pow() nearly is, farther out. Three squarings instead of the exp2
    // and log2 a pow() costs per pixel on a software renderer.
    vec2 s = max(vec2(0.0), 1.0 - specularPower * (1.0 - vec2(dot(reflect(lightDirectionVC0, n), toEye),
                                                               dot(reflect(lightDirectionVC1, n), toEye))) / 8.0);
    s *= s;
    s *= s;
    s *= s;
    vec3 specular = sign(max(dot(n, -lightDirectionVC0), 0.0)) * s.x * lightColor0
                  + sign(max(dot(n, -lightDirectionVC1), 0.0)) * s.y * lightColor1;
    gl_FragData[0] = vec4(ambientColor + diffuse * diffuseColor + specular * specularColor, opacity);
  }
