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
    float d0 = dot(n, -lightDirectionVC0);
    float d1 = dot(n, -lightDirectionVC1);
    vec3 specular = sign(max(d0, 0.0)) * pow(max(0.0, dot(reflect(lightDirectionVC0, n), toEye)), specularPower) * lightColor0
                  + sign(max(d1, 0.0)) * pow(max(0.0, dot(reflect(lightDirectionVC1, n), toEye)), specularPower) * lightColor1;
    gl_FragData[0] = vec4(ambientColor + diffuse * diffuseColor + specular * specularColor, opacity);
  }
